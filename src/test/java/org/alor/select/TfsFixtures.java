package org.alor.select;

import com.google.gson.Gson;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The golden TFS cases of src/test/resources/fixtures/tfs/cases.json. */
public final class TfsFixtures {
    public static final String RESOURCE = "/fixtures/tfs/cases.json";

    public record Case(String name, int[] classCounts, float[][] probabilities, int budget, int[] expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    private record File(List<Case> cases) {
    }

    private TfsFixtures() {
    }

    public static List<Case> cases() {
        try (Reader r = new InputStreamReader(TfsFixtures.class.getResourceAsStream(RESOURCE), StandardCharsets.UTF_8)) {
            return new Gson().fromJson(r, File.class).cases();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
