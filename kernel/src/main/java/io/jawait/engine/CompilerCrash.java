package io.jawait.engine;

import io.jawait.magic.CellException;
import java.util.List;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;

/**
 * Turns a crash of JShell's compiler into an error the learner can read. When javac fails inside itself (an
 * {@code AssertionError} in one of its phases, a JDK bug), it prints a page of its own stack trace to
 * {@code System.err} with a request to file a bug, and JShell reports the unit as if nothing had happened: no
 * value, no error. JShell 25 does this for a {@code var} whose type is an intersection
 * ({@code var mixed = true ? Integer.valueOf(1) : "one";}) used in a later expression.
 *
 * <p>The engine holds back what its own thread prints while JShell compiles (the cell's code runs on other
 * threads, so this is javac's and JShell's text only); a crash becomes a {@code CompilerCrash} error, anything
 * else is printed to the cell as before.
 */
final class CompilerCrash {
    static final String ENAME = "CompilerCrash";
    private static final String BANNER = "An exception has occurred in the compiler";

    private CompilerCrash() {}

    /**
     * Evaluates {@code source} in {@code shell} with the compiler's output held back. After a crash JShell may
     * still count the unit as a valid snippet, one whose class never compiled, and every later compilation
     * then fails on it ("cannot find symbol ... location: package REPL"), so the unit's snippets are dropped.
     *
     * @throws CellException when javac crashed
     */
    static List<SnippetEvent> eval(JShell shell, String source) throws CellException {
        StdStreams.holdErr();
        List<SnippetEvent> events;
        String printed;
        try {
            events = shell.eval(source);
        } finally {
            printed = StdStreams.releaseErr();
        }
        if (printed.contains(BANNER)) {
            events.stream().map(SnippetEvent::snippet).distinct()
                    .filter(s -> shell.status(s) != Snippet.Status.DROPPED)
                    .forEach(shell::drop);
            throw new CellException(ENAME, message(printed));
        }
        if (!printed.isEmpty()) {
            System.err.print(printed);
        }
        return events;
    }

    /** The error's text: what failed inside javac (the line after the banner), and what to do about it. */
    static String message(String printed) {
        String cause = printed.lines()
                .dropWhile(line -> !line.contains(BANNER))
                .skip(1)
                .filter(line -> !line.isBlank())
                .findFirst()
                .map(String::strip)
                .orElse("an internal error");
        return "the JDK's compiler (javac " + Runtime.version() + ") crashed on this code with " + cause
                + ". This is a bug in javac, not in your code, and the cell stopped here. A known cause is a variable"
                + " declared with 'var' whose type is an intersection (var x = flag ? 1 : \"one\";): declare it"
                + " with a type you can name, such as Object or Comparable<?>.";
    }
}
