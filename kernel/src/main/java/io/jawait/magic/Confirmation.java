package io.jawait.magic;

import io.jawait.display.CellOutput;
import io.jawait.display.StdinNotAllowedException;
import java.io.IOException;
import java.util.Locale;

/**
 * A yes-or-no question put to the user through the front end's input box, as IPython's {@code ask_yes_no} puts
 * it: {@code y}, {@code yes}, {@code n} or {@code no} in any case; an empty answer takes the default, and any
 * other answer asks again.
 */
final class Confirmation {
    private Confirmation() {}

    /**
     * Asks {@code prompt} until the answer is yes or no.
     *
     * @param fallback the answer an empty reply gives, or null to ask again
     * @throws StdinNotAllowedException when the front end takes no input
     * @throws IOException when no answer can come (interrupt, shutdown)
     */
    static boolean ask(CellOutput out, String prompt, Boolean fallback) throws IOException {
        while (true) {
            String answer = out.input(prompt + " ", false).strip().toLowerCase(Locale.ROOT);
            switch (answer) {
                case "y", "yes" -> {
                    return true;
                }
                case "n", "no" -> {
                    return false;
                }
                case "" -> {
                    if (fallback != null) {
                        return fallback;
                    }
                }
                default -> {
                    // asked again, as IPython does
                }
            }
        }
    }
}
