package dev.hardwired.examples;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.TextLayout;
import java.awt.geom.AffineTransform;
import java.awt.geom.RoundRectangle2D;

/**
 * Text on the pictures, in the logical font "SansSerif", which every JDK maps to some installed font. A
 * machine without any font at all (a bare container) fails the first time text is laid out, with an error
 * that depends on the JDK; the text is then left out and the rest of the picture is drawn.
 */
final class Text {
  /** Where a line of text goes relative to the point it is drawn at. */
  enum Align {
    LEFT,
    CENTER,
    RIGHT
  }

  private Text() {}

  /** A plain or bold sans-serif font of {@code size} points (pixels on a picture). */
  static Font font(int size, boolean bold) {
    return new Font(Font.SANS_SERIF, bold ? Font.BOLD : Font.PLAIN, size);
  }

  /** Makes lines, shapes and text on {@code g} smooth. */
  static void smooth(Graphics2D g) {
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
  }

  /**
   * Draws one line of text with its baseline at {@code baseline}.
   *
   * @return whether it was drawn: false when the machine has no fonts
   */
  static boolean draw(Graphics2D g, String text, Font font, Color colour, double x, double baseline, Align align) {
    return draw(g, text, font, colour, null, x, baseline, align);
  }

  /**
   * Draws one line of text with its baseline at {@code baseline}, on a small rounded label of colour {@code
   * label} unless it is null, so that it can be read on any background.
   *
   * @return whether it was drawn: false when the machine has no fonts
   */
  static boolean draw(
      Graphics2D g, String text, Font font, Color colour, Color label, double x, double baseline, Align align) {
    Color oldColour = g.getColor();
    try {
      TextLayout layout = new TextLayout(text, font, g.getFontRenderContext());
      double width = layout.getAdvance();
      double left = align == Align.LEFT ? x : align == Align.CENTER ? x - width / 2 : x - width;
      if (label != null) {
        double top = baseline - layout.getAscent();
        double height = layout.getAscent() + layout.getDescent();
        g.setColor(label);
        g.fill(new RoundRectangle2D.Double(left - 3, top - 1, width + 6, height + 2, 6, 6));
      }
      g.setColor(colour);
      g.fill(layout.getOutline(AffineTransform.getTranslateInstance(left, baseline)));
      return true;
    } catch (OutOfMemoryError | StackOverflowError e) {
      throw e;
    } catch (RuntimeException | Error e) {
      // No fonts: an Error ("no fonts found"), an InternalError or UnsatisfiedLinkError from the font
      // manager, or a NullPointerException from the font configuration, depending on the JDK.
      return false;
    } finally {
      g.setColor(oldColour);
    }
  }

  /** Draws one line of text turned a quarter to the left, reading upwards, centred on ({@code x}, {@code y}). */
  static boolean drawUpwards(Graphics2D g, String text, Font font, Color colour, double x, double y) {
    AffineTransform old = g.getTransform();
    try {
      g.rotate(-Math.PI / 2, x, y);
      return draw(g, text, font, colour, x, y, Align.CENTER);
    } finally {
      g.setTransform(old);
    }
  }
}
