package org.resolve.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@code resolve serve}'s options (the server itself is tested in the web module). */
class ServeCommandTest {
    @Test
    void aBadPortIsAOneLineError() {
        Cli r = Cli.run("serve", "--port", "70000");
        assertEquals(Main.INVALID_INPUT, r.code);
        assertEquals("error: --port must be between 0 and 65535, not 70000", r.err.strip());
    }

    @Test
    void serveIsACommand() {
        Cli r = Cli.run("--help");
        assertTrue(r.out.contains("serve"), r.out);
        Cli h = Cli.run("serve", "--help");
        assertEquals(0, h.code);
        assertTrue(h.out.contains("--host") && h.out.contains("--workspace"), h.out);
    }
}
