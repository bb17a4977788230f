package org.lpr.ncic;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.lpr.core.spi.HotListSource;
import org.lpr.core.spi.HotListSourceContract;

/** {@link NcicFileSource} keeps the {@link HotListSource} contract on a real csv-header file with some bad lines. */
class NcicFileSourceContractTest extends HotListSourceContract {
    @TempDir
    Path dir;

    @Override
    protected HotListSource createSource() {
        Path file = dir.resolve("ncic.csv");
        try {
            Files.writeString(file, "LIC,LIS,LIT,VMA,NIC,OCA,DOT,MKE\n"
                    + "ABC1234,MO,PC,FORD,V100000001,24-1,20240101,EV\n"
                    + "XYZ987,KS,PC,HOND,L100000002,24-2,20240102,EL\n"
                    + "BAD#1,MO,PC,FORD,V100000003,24-3,20240103,EV\n"
                    + "JKL555,IL,TK,,W100000004,24-4,,EW\n"
                    + "\"MNO 777\",\"Missouri\",PC,\"CHEV, blue\",M100000005,24-5,2024-01-05,EME\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return NcicFileSource.builder().name("NCIC contract list").file(file).layout(NcicLayouts.csvHeader()).build();
    }

    @Override
    protected int expectedEntryCount() {
        return 4;
    }
}
