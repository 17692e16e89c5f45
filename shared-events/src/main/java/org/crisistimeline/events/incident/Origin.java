package org.crisistimeline.events.incident;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Map;

/**
 * Where an imported incident comes from, verbatim, so that results join back to the original rows: the data set, its
 * release, the row's own id, its original classification and identity columns under their published names, and what
 * marks a revision of the row. Absent for incidents recorded through the write API.
 *
 * @param dataset as researchers cite it: {@code UCDP GED}, {@code ACLED}, {@code GDELT}
 * @param release the release the row comes from: {@code 18.1}, {@code 2024-06-10}, {@code 2.0}
 * @param rowId the row's id in its data set: {@code 145137}, {@code IRQ12345}
 * @param codes e.g. {@code type_of_violence}, {@code event_type}, {@code EventCode}, {@code GoldsteinScale}, as strings
 *     exactly as in the file (CAMEO's leading zeros kept)
 * @param revision what tells the row changed between releases (ACLED's {@code timestamp}); absent when the data set
 *     has none
 */
public record Origin(
        @NotBlank @Size(max = 100) String dataset,
        @NotBlank @Size(max = 100) String release,
        @NotBlank @Size(max = 200) String rowId,
        @NotNull Map<@NotBlank String, @NotNull String> codes,
        @Size(max = 100) String revision) {

    public Origin {
        codes = codes == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(codes));
    }
}
