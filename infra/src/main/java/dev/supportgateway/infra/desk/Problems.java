package dev.supportgateway.infra.desk;

import java.util.ArrayList;
import java.util.List;

/** The problems found in one file, collected so a broken file is reported in full, not error by error. */
final class Problems {

    private final String file;
    private final List<String> found = new ArrayList<>();

    Problems(String file) {
        this.file = file;
    }

    String file() {
        return file;
    }

    void add(String path, String message) {
        found.add(path == null || path.isEmpty() ? file + ": " + message : file + ": " + path + ": " + message);
    }

    boolean isEmpty() {
        return found.isEmpty();
    }

    int count() {
        return found.size();
    }

    List<String> all() {
        return List.copyOf(found);
    }
}
