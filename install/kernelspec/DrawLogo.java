import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import javax.imageio.ImageIO;

/**
 * Draws the kernel's logo: a bold "J" on a rounded tile, with three dots for a pending await.
 * Run once with {@code java install/kernelspec/DrawLogo.java install/kernelspec}; the PNGs are committed.
 */
public final class DrawLogo {
    public static void main(String[] args) throws IOException {
        File dir = new File(args.length > 0 ? args[0] : ".");
        for (int size : new int[] {32, 64}) {
            ImageIO.write(draw(size), "png", new File(dir, "logo-" + size + "x" + size + ".png"));
        }
    }

    static BufferedImage draw(int size) {
        var image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        double s = size;
        g.setColor(new Color(0x1f, 0x4e, 0x79));
        g.fill(new RoundRectangle2D.Double(0, 0, s, s, s * 0.35, s * 0.35));
        g.setColor(new Color(0xf2, 0x8c, 0x28));
        g.setStroke(new BasicStroke((float) (s * 0.03)));
        g.draw(new RoundRectangle2D.Double(s * 0.02, s * 0.02, s * 0.96, s * 0.96, s * 0.33, s * 0.33));
        g.setColor(Color.WHITE);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, (int) Math.round(s * 0.72)));
        var metrics = g.getFontMetrics();
        int x = (int) Math.round((s - metrics.stringWidth("J")) / 2 - s * 0.08);
        int y = (int) Math.round(s * 0.68);
        g.drawString("J", x, y);
        g.setColor(new Color(0xf2, 0x8c, 0x28));
        double d = s * 0.12;
        for (int i = 0; i < 3; i++) {
            g.fill(new Ellipse2D.Double(s * 0.48 + i * d * 1.3, s * 0.74, d, d));
        }
        g.dispose();
        return image;
    }
}
