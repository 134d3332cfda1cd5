package org.alor.app.label;

import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Issue 17 item 5: +/- zoom the image, "1:1" shows it at full resolution (one screen pixel per image pixel), Fit returns. */
@ExtendWith(ApplicationExtension.class)
class ImageZoomFxTest {
    private static final int NATIVE_W = 1600;
    private LabelScreen screen;

    @Start
    void start(Stage stage) throws Exception {
        screen = LabelScreen.show(stage, "alor-zoom", s -> {
            BufferedImage big = new BufferedImage(NATIVE_W, 1200, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = big.createGraphics();
            g.setColor(new Color(0x336699));
            g.fillRect(0, 0, NATIVE_W, 1200);
            g.setColor(Color.ORANGE);
            g.fillOval(600, 400, 400, 300);
            g.dispose();
            ImageIO.write(big, "png", s.items().get(0).file().toFile());
        });
    }

    @AfterEach
    void close() {
        screen.store.close();
    }

    @Test
    void keysZoomOneToOneShowsNativePixelsAndFitReturns(FxRobot robot) throws Exception {
        ImageView view = robot.lookup("#current-image").queryAs(ImageView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> view.getImage() != null && view.getImage().getProgress() == 1);
        double fitted = view.getBoundsInParent().getWidth();
        assertThat(fitted).as("fitted into the pane").isLessThan(NATIVE_W);

        robot.type(KeyCode.EQUALS);                                   // "+" (= on the same key)
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(view.getBoundsInParent().getWidth()).isGreaterThan(fitted * 1.1);
        robot.drag(view).dropBy(-60, -30);                           // drag pans the zoomed image
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(view.getTranslateX()).isLessThan(-30);
        robot.type(KeyCode.MINUS);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(view.getBoundsInParent().getWidth()).isCloseTo(fitted, within(1.0));
        assertThat(view.getTranslateX()).as("back at fit, centred").isZero();

        robot.clickOn("#zoom-native");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> view.getImage().getWidth() == NATIVE_W
                && Math.abs(view.getBoundsInParent().getWidth() - NATIVE_W) < 1.5);
        assertThat(robot.lookup("#zoom-level").queryLabeled().getText()).isEqualTo("100%");

        robot.clickOn("#zoom-fit");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(view.getBoundsInParent().getWidth()).isCloseTo(fitted, within(1.0));
        assertThat(robot.lookup("#zoom-level").queryLabeled().getText())
                .isEqualTo(String.format(java.util.Locale.ROOT, "%.0f%%", 100 * fitted / NATIVE_W));

        // the wheel zooms about the pointer: the image point under it stays under it
        robot.type(KeyCode.EQUALS);
        robot.moveTo(view).moveBy(120, 40);
        WaitForAsyncUtils.waitForFxEvents();
        javafx.geometry.Point2D pointer = robot.point(view).query().add(120, 40);
        javafx.geometry.Point2D before = view.screenToLocal(pointer);
        double scale = view.getScaleX();
        robot.scroll(2, javafx.geometry.VerticalDirection.DOWN);   // TestFX's DOWN is a positive wheel delta: zoom in
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(view.getScaleX()).isCloseTo(scale * 1.15 * 1.15, within(0.01));
        javafx.geometry.Point2D after = view.screenToLocal(pointer);
        assertThat(after.distance(before)).as("image point under the pointer moved by").isLessThan(1.5);
    }
}
