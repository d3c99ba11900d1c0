import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Draws the Task Console icon (a task sheet with a tick, on a rounded blue square) and writes it in
 * the three formats jpackage wants: PNG for Linux, ICO for Windows, ICNS for macOS. Drawn from
 * shapes only, so it needs no fonts and gives the same bytes on every machine.
 *
 * <p>Run from the repository root: {@code java packaging/icons/MakeIcons.java packaging/icons}.
 * The outputs are committed; rerun only when the drawing changes.
 */
public final class MakeIcons {

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "packaging/icons");
        Files.createDirectories(dir);
        Files.write(dir.resolve("task-console.png"), png(draw(256)));
        Files.write(dir.resolve("task-console.ico"), ico(List.of(16, 24, 32, 48, 64, 256)));
        Files.write(dir.resolve("task-console.icns"), icns());
    }

    static BufferedImage draw(int size) {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.scale(size / 256.0, size / 256.0);

        g.setPaint(new GradientPaint(0, 0, new Color(0x2f6fde), 0, 256, new Color(0x1c3f8f)));
        g.fill(new RoundRectangle2D.Double(8, 8, 240, 240, 56, 56));

        g.setColor(new Color(0xf7f9fc));
        g.fill(new RoundRectangle2D.Double(60, 40, 136, 176, 18, 18));

        g.setColor(new Color(0x9aa9c4));
        g.setStroke(new BasicStroke(10, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        for (int y = 76; y <= 124; y += 24) {
            g.drawLine(84, y, 172, y);
        }

        Path2D tick = new Path2D.Double();
        tick.moveTo(92, 166);
        tick.lineTo(118, 192);
        tick.lineTo(170, 140);
        g.setColor(new Color(0x18a058));
        g.setStroke(new BasicStroke(18, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(tick);
        g.dispose();
        return image;
    }

    static byte[] png(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    /** An ICO whose entries are PNGs, which Windows Vista and later read. */
    static byte[] ico(List<Integer> sizes) throws IOException {
        List<byte[]> images = new ArrayList<>();
        for (int size : sizes) {
            images.add(png(draw(size)));
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        LittleEndian out = new LittleEndian(bytes);
        out.short16(0);
        out.short16(1);
        out.short16(sizes.size());
        int offset = 6 + 16 * sizes.size();
        for (int i = 0; i < sizes.size(); i++) {
            int size = sizes.get(i);
            bytes.write(size >= 256 ? 0 : size);
            bytes.write(size >= 256 ? 0 : size);
            bytes.write(0);
            bytes.write(0);
            out.short16(1);
            out.short16(32);
            out.int32(images.get(i).length);
            out.int32(offset);
            offset += images.get(i).length;
        }
        for (byte[] image : images) {
            bytes.write(image);
        }
        return bytes.toByteArray();
    }

    /** An ICNS with PNG entries: ic07 (128), ic08 (256), ic09 (512), ic10 (1024, 512@2x). */
    static byte[] icns() throws IOException {
        String[] types = {"ic07", "ic08", "ic09", "ic10"};
        int[] sizes = {128, 256, 512, 1024};
        ByteArrayOutputStream entries = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(entries);
        for (int i = 0; i < types.length; i++) {
            byte[] image = png(draw(sizes[i]));
            out.writeBytes(types[i]);
            out.writeInt(8 + image.length);
            out.write(image);
        }
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        DataOutputStream header = new DataOutputStream(file);
        header.writeBytes("icns");
        header.writeInt(8 + entries.size());
        header.write(entries.toByteArray());
        return file.toByteArray();
    }

    private static final class LittleEndian {
        private final ByteArrayOutputStream out;

        LittleEndian(ByteArrayOutputStream out) {
            this.out = out;
        }

        void short16(int value) {
            out.write(value & 0xff);
            out.write((value >>> 8) & 0xff);
        }

        void int32(int value) {
            short16(value & 0xffff);
            short16(value >>> 16);
        }
    }
}
