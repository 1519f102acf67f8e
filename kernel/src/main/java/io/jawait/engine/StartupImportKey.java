package io.jawait.engine;

/**
 * Names the start-up import snippet and imports nothing. JShell names an import snippet after its first
 * import, and a later import of the same name replaces the whole snippet: a first line of
 * {@code import java.lang.*;} was lost, with every start-up import, to a cell that wrote that line. Nobody
 * writes this one. Public because snippets import it; not meant for users.
 */
public final class StartupImportKey {
    private StartupImportKey() {}
}
