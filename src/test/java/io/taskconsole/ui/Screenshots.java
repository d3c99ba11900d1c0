package io.taskconsole.ui;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;

/** Saves a window's picture under {@code taskconsole.screenshots} (set by the pom) so people can look at it. */
public final class Screenshots {

    private Screenshots() {
    }

    /** Call on the FX thread. Does nothing when the property is not set. */
    public static void save(Scene scene, String name) {
        String dir = System.getProperty("taskconsole.screenshots");
        if (dir == null || dir.isBlank()) {
            return;
        }
        WritableImage image = scene.snapshot(null);
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        PixelReader pixels = image.getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        try {
            Files.createDirectories(Path.of(dir));
            ImageIO.write(out, "png", Path.of(dir, name + ".png").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Saves {@code scene} in the dark theme, then puts the light theme back. Call on the FX thread, with
     * the light theme on.
     */
    public static void saveDark(Scene scene, String name) {
        javafx.application.Application.setUserAgentStylesheet(new atlantafx.base.theme.PrimerDark().getUserAgentStylesheet());
        scene.getRoot().applyCss();
        scene.getRoot().layout();
        save(scene, name);
        javafx.application.Application.setUserAgentStylesheet(new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
    }
}
