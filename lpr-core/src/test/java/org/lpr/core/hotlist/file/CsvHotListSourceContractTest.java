package org.lpr.core.hotlist.file;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.lpr.core.spi.HotListSource;
import org.lpr.core.spi.HotListSourceContract;

/** {@link CsvHotListSource} keeps the {@link HotListSource} contract on a real file with a bad line among good ones. */
class CsvHotListSourceContractTest extends HotListSourceContract {
    @TempDir
    Path dir;

    @Override
    protected HotListSource createSource() {
        Path f = dir.resolve("contract.csv");
        try {
            Files.writeString(f, """
                    PLATE,STATE,LIST_TYPE,REASON
                    ABC1234,MO,STOLEN_VEHICLE,stolen
                    AB#12,MO,STOLEN_VEHICLE,bad plate
                    XYZ987,,AMBER_ALERT,abduction
                    7XK*4,KS,CRIMINAL_INVESTIGATION,witness partial
                    """);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new CsvHotListSource(f);
    }

    @Override
    protected int expectedEntryCount() {
        return 3;
    }
}
