package org.lpr.policy;

import java.util.Set;
import java.util.TreeSet;
import org.lpr.core.spi.ReadQuery;

/** The canonical text of a query, as written to audit records and compared for approvals. */
final class QueryText {
    private QueryText() {
    }

    static String of(ReadQuery q, Set<String> partners) {
        StringBuilder b = new StringBuilder();
        b.append("plate=").append(q.plate().map(p -> p.text()).orElse(""));
        b.append(";tolerant=").append(q.tolerant());
        b.append(";from=").append(q.from()).append(";to=").append(q.to());
        b.append(";cameras=").append(String.join(",", new TreeSet<>(q.cameraIds())));
        b.append(";kinds=").append(String.join(",", new TreeSet<>(q.cameraKinds().stream().map(Enum::name).toList())));
        b.append(";area=").append(q.area().map(QueryText::area).orElse(""));
        b.append(";partners=").append(String.join(",", new TreeSet<>(partners)));
        b.append(";limit=").append(q.limit()).append(";offset=").append(q.offset());
        return b.toString();
    }

    private static String area(ReadQuery.Area a) {
        if (a instanceof ReadQuery.Radius r) {
            return "radius(" + r.centre().latitude() + "," + r.centre().longitude() + "," + r.radiusMetres() + ")";
        }
        ReadQuery.Box x = (ReadQuery.Box) a;
        return "box(" + x.southWest().latitude() + "," + x.southWest().longitude() + "," + x.northEast().latitude() + ","
                + x.northEast().longitude() + ")";
    }
}
