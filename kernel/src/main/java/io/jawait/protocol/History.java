package io.jawait.protocol;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The inputs (and text results) of this session's cells, in memory, answering {@code history_request}.
 *
 * <p>This kernel keeps no history between sessions, so the current session is number 1 and a range in any
 * earlier session is empty. Thread safe.
 */
public final class History {
    static final int SESSION = 1;

    /** One cell: its execution count, its source and its {@code text/plain} result (or null). */
    public record Entry(int session, int line, String input, String output) {}

    private final List<Entry> entries = new ArrayList<>();

    public synchronized void add(int line, String input, String output) {
        entries.add(new Entry(SESSION, line, input, output));
    }

    /** The last {@code n} entries, oldest first. */
    public synchronized List<Entry> tail(int n) {
        int from = Math.max(0, entries.size() - Math.max(0, n));
        return List.copyOf(entries.subList(from, entries.size()));
    }

    /**
     * Lines {@code start} (inclusive) to {@code stop} (exclusive; 0 or less means to the end) of a session,
     * where session 0 is the current one and a negative session counts back from it.
     */
    public synchronized List<Entry> range(int session, int start, int stop) {
        if (session != 0 && session != SESSION) {
            return List.of();
        }
        return entries.stream().filter(e -> e.line() >= start && (stop <= 0 || e.line() < stop)).toList();
    }

    /**
     * Entries whose input matches a glob ({@code *}, {@code ?}, {@code [abc]}), the last {@code n} of them
     * ({@code n <= 0}: all); with {@code unique}, each input once, at its latest place.
     */
    public synchronized List<Entry> search(String glob, int n, boolean unique) {
        Pattern p = globToRegex(glob);
        List<Entry> hits = entries.stream().filter(e -> p.matcher(e.input()).matches()).toList();
        if (unique) {
            Map<String, Entry> latest = new LinkedHashMap<>();
            for (Entry e : hits) {
                latest.remove(e.input());
                latest.put(e.input(), e);
            }
            hits = List.copyOf(latest.values());
        }
        return n > 0 && hits.size() > n ? hits.subList(hits.size() - n, hits.size()) : hits;
    }

    static Pattern globToRegex(String glob) {
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            int close = c == '[' ? glob.indexOf(']', i + 1) : -1;
            if (c == '*') {
                re.append(".*");
            } else if (c == '?') {
                re.append('.');
            } else if (close > i + 1) {
                re.append(charClass(glob.substring(i + 1, close)));
                i = close;
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re.toString(), Pattern.DOTALL);
    }

    private static String charClass(String set) {
        StringBuilder re = new StringBuilder("[");
        int from = 0;
        if (set.startsWith("!")) {
            re.append('^');
            from = 1;
        }
        for (char c : set.substring(from).toCharArray()) {
            // ranges (a-z) stay ranges; anything else that means something in a regex class is escaped
            re.append(c != '-' && !Character.isLetterOrDigit(c) ? "\\" + c : String.valueOf(c));
        }
        return re.append(']').toString();
    }
}
