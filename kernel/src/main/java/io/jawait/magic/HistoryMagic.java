package io.jawait.magic;

import io.jawait.display.StdinNotAllowedException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code %history}: this session's cells as typed, oldest first, in IPython's format, so that a learner can copy
 * what a notebook ran into a file or an editor. As in IPython, the cell that asks is kept before it runs, so it
 * shows itself.
 *
 * <p>{@code -n} puts each cell's number in front ({@code "   4: code"}), on a line of its own before a cell of
 * several lines. {@code -l N} shows the last N cells before this one (10 without N). {@code -g PATTERN} shows the
 * cells containing PATTERN, numbered: {@code *} stands for any text and {@code ?} for one character; square
 * brackets are taken as they are, for Java's arrays, not as IPython's character classes. {@code -f FILE} writes to
 * a file instead, asking before it replaces one. Ranges pick cells: {@code 4}, {@code 4-6} (6 included, as in
 * IPython), {@code 4:6} (6 left out), {@code 4-} (4 to the end, which IPython does not offer).
 *
 * <p>This kernel keeps one session, so IPython's session prefixes ({@code ~1/4}) are refused, as is a range it
 * cannot read, which IPython passes over in silence.
 */
final class HistoryMagic implements Magic {
    static final String USAGE = "%history [-n] [-l [N]] [-g [PATTERN ...]] [-f FILE] [RANGE ...]";
    private static final int TAIL = 10;
    private static final int TAB = 4;
    private static final Pattern WORD = Pattern.compile("\"[^\"]*\"|'[^']*'|\\S+");
    private static final Pattern RANGE = Pattern.compile("(\\d{1,9})(?:([-:])(\\d{1,9})?)?");

    /** What the arguments ask for; {@code limit}, {@code pattern} and {@code file} are null when not given. */
    private record Request(boolean numbered, Integer limit, String pattern, String file, List<String> ranges) {}

    @Override
    public Evaluation run(Invocation call, MagicContext ctx) throws CellException {
        Request r = parse(call);
        List<MagicContext.Input> shown = select(call, r, ctx.history());
        String text = format(shown, r.numbered() || r.pattern() != null);
        if (r.file() == null) {
            ctx.out().stdout(text);
        } else {
            write(call, ctx, UserPaths.of(ClasspathMagic.unquote(r.file())), text);
        }
        return null;
    }

    private static Request parse(Invocation call) throws CellException {
        List<String> all = WORD.matcher(call.args()).results().map(MatchResult::group).toList();
        boolean numbered = false;
        Integer limit = null;
        List<String> pattern = null;
        String file = null;
        var ranges = new ArrayList<String>();
        boolean searching = false;
        for (int i = 0; i < all.size(); i++) {
            String w = all.get(i);
            // as in IPython, -g takes the words after it up to the next option; the others are ranges
            searching = w.equals("-g") || searching && !w.matches("-\\p{Alpha}.*");
            switch (w) {
                case "-n" -> numbered = true;
                case "-l" -> {
                    boolean counted = i + 1 < all.size() && all.get(i + 1).matches("\\d+");
                    limit = counted ? count(call, all.get(++i)) : TAIL;
                }
                case "-g" -> pattern = new ArrayList<>();
                case "-f" -> {
                    if (i + 1 >= all.size() || all.get(i + 1).matches("-\\p{Alpha}")) {
                        throw call.usage("option -f needs a file name");
                    }
                    file = all.get(++i);
                }
                default -> {
                    if (w.matches("-\\p{Alpha}.*")) {
                        throw call.usage("option " + w + " not recognized; the options are -n -l -g -f");
                    }
                    (searching ? pattern : ranges).add(w);
                }
            }
        }
        return new Request(numbered, limit, pattern == null ? null : String.join(" ", pattern), file, ranges);
    }

    private static int count(Invocation call, String word) throws CellException {
        try {
            return Integer.parseInt(word);
        } catch (NumberFormatException e) {
            throw call.usage("-l needs a number of cells, got '" + word + "'");
        }
    }

    /** The cells the request picks, in the order IPython prints them. */
    private static List<MagicContext.Input> select(Invocation call, Request r, MagicContext.CellHistory history)
            throws CellException {
        if (r.limit() != null && !r.ranges().isEmpty()) {
            throw call.usage("-l takes the last cells and a range picks cells: give one or the other");
        }
        List<MagicContext.Input> all = history.all();
        Pattern glob = r.pattern() == null ? null : glob("*" + r.pattern() + "*");
        List<MagicContext.Input> picked;
        if (glob != null && r.ranges().isEmpty()) {
            picked = last(all.stream().filter(c -> glob.matcher(c.source()).matches()).toList(), r.limit());
        } else if (r.limit() != null) {
            // as IPython's -l, the cells before this one
            picked = last(history.earlier(), r.limit());
        } else {
            picked = r.ranges().isEmpty() ? all : inRanges(call, r.ranges(), all);
            if (glob != null) {
                picked = picked.stream().filter(c -> glob.matcher(c.source()).matches()).toList();
            }
        }
        return picked;
    }

    private static List<MagicContext.Input> last(List<MagicContext.Input> cells, Integer n) {
        return n == null || cells.size() <= n ? cells : cells.subList(cells.size() - n, cells.size());
    }

    static List<MagicContext.Input> inRanges(Invocation call, List<String> ranges,
                                                     List<MagicContext.Input> all) throws CellException {
        var picked = new ArrayList<MagicContext.Input>();
        for (String range : ranges) {
            if (range.contains("/")) {
                throw call.usage("this kernel keeps the history of this session only: give cell numbers without "
                        + "a session, got '" + range + "'");
            }
            Matcher m = RANGE.matcher(range);
            if (!m.matches()) {
                throw call.usage("'" + range + "' is not a range of cells: give N, N-M (M included), N:M (M left out)"
                        + " or N- (to the end)");
            }
            long start = Long.parseLong(m.group(1));
            long stop = m.group(2) == null ? start + 1 : m.group(3) == null ? Long.MAX_VALUE
                    : Long.parseLong(m.group(3)) + (m.group(2).equals("-") ? 1 : 0);
            if (stop <= start) {
                throw call.usage("the range " + range + " ends before it starts");
            }
            all.stream().filter(c -> c.number() >= start && c.number() < stop).forEach(picked::add);
        }
        return picked;
    }

    /** IPython's glob: {@code *} any text, line breaks included; {@code ?} one character; the rest as it is. */
    static Pattern glob(String pattern) {
        var regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            regex.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    /** The cells as IPython prints them: tabs as spaces to the next multiple of four, trailing space dropped. */
    private static String format(List<MagicContext.Input> cells, boolean numbered) {
        var out = new StringBuilder();
        for (MagicContext.Input c : cells) {
            String source = expandTabs(c.source()).stripTrailing();
            if (numbered) {
                out.append(String.format("%4d:", c.number())).append(source.contains("\n") ? "\n" : " ");
            }
            out.append(source).append('\n');
        }
        return out.toString();
    }

    private static String expandTabs(String text) {
        if (text.indexOf('\t') < 0) {
            return text;
        }
        var out = new StringBuilder();
        int column = 0;
        for (char c : text.toCharArray()) {
            if (c == '\t') {
                int spaces = TAB - column % TAB;
                out.append(" ".repeat(spaces));
                column += spaces;
            } else {
                out.append(c);
                column = c == '\n' || c == '\r' ? 0 : column + 1;
            }
        }
        return out.toString();
    }

    /** Writes {@code text} to {@code file}, asking first, as IPython does, when that replaces a file. */
    private static void write(Invocation call, MagicContext ctx, Path file, String text) throws CellException {
        if (Files.exists(file)) {
            if (!overwrite(call, ctx, file)) {
                ctx.out().stdout("Aborting.\n");
                return;
            }
            ctx.out().stdout("Overwriting file.\n");
        }
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw call.usage("cannot write " + file.toAbsolutePath() + ": " + ClasspathMagic.reason(e));
        }
    }

    private static boolean overwrite(Invocation call, MagicContext ctx, Path file) throws CellException {
        try {
            return Confirmation.ask(ctx.out(), "File '" + file + "' exists. Overwrite?", null);
        } catch (StdinNotAllowedException e) {
            return true; // as IPython: a front end that cannot answer gets the file replaced
        } catch (IOException e) {
            throw new CellException("EOFError", call.display() + ": no answer came (" + e.getMessage()
                    + "); the file was not written");
        }
    }
}
