package dev.supportgateway.engine.desk;

import java.util.Objects;

/** One thing a desk asks to identify a customer: its label (in Russian), its kind, and whether it is required. */
public record IdentityField(String id, String label, Kind kind, boolean required) {

    /** What a value must look like; the validation of each lives in routing. */
    public enum Kind { TEXT, FULL_NAME, EMAIL, PHONE, INN, IIN, BIN, OGRN, SNILS, CONTRACT, DATE }

    public IdentityField {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        label = label == null ? id : label;
    }
}
