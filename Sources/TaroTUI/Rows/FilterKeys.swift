import TaroNet

/// What the filter reads of each row, in queue order, packed together: the
/// name's and the URL's bytes (ASCII lowercased) one after the other in one
/// buffer, where the URL's host lies in them, and the state.
///
/// Why: a keystroke in the filter prompt tests every row. Read from the
/// list, each row is a whole `TransferSnapshot` copied out of its chunk
/// (150 bytes moved and five references retained and released) to look at
/// two strings and a state; that copying was most of a keystroke at
/// 100,000 rows. Here a keystroke scans contiguous bytes instead.
///
/// Kept only while the filter is being typed (RowView decides), and kept
/// true by the same feed the rows follow: rows changed in place and rows
/// added at the end are taken up here as they come; anything that moves
/// rows (a removal, a full resync) drops the keys, to be built again from
/// the list when next needed.
struct FilterKeys {
    private struct Entry {
        /// Where the name begins in `bytes`; the URL follows it.
        var start: Int
        var nameCount: UInt32
        var urlCount: UInt32
        /// The host's bytes within the URL's (see RowFilter.hostRange).
        var hostStart: UInt32
        var hostCount: UInt32
        var state: TransferSnapshot.State
    }

    private var bytes: [UInt8] = []
    private var entries: [Entry] = []
    /// Bytes no entry reads any more: a row's old name or URL.
    private var unused = 0

    /// The keys of every row of `items`, in order.
    init(_ items: TransferRows) {
        entries.reserveCapacity(items.count)
        bytes.reserveCapacity(items.count * 48)
        for row in items { entries.append(Self.append(row, to: &bytes)) }
    }

    /// The number of rows the keys describe.
    var count: Int { entries.count }

    /// Takes up `changed`, rows already applied to `items` where they stood
    /// or after every row, when no row moved (nothing removed, no full list).
    mutating func follow(_ changed: [TransferSnapshot], items: TransferRows) {
        let known = entries.count
        for row in changed {
            guard let index = items.position(of: row.id), index < known else { continue }
            entries[index].state = row.state
            guard !isKey(at: index, of: row) else { continue }
            unused += Int(entries[index].nameCount + entries[index].urlCount)
            entries[index] = Self.append(row, to: &bytes)
        }
        // New rows stand after every known one, in the order they came.
        for index in known..<items.count { entries.append(Self.append(items[index], to: &bytes)) }
        if unused > 4096 && unused > bytes.count / 2 { compact() }
    }

    /// Appends to `found` the positions of the rows `filter` selects, ascending.
    func positions(matching filter: RowFilter, into found: inout [Int]) {
        guard !filter.matchesNothing else { return }
        filter.withMatcher { matcher in
            bytes.withUnsafeBufferPointer { bytes in
                entries.withUnsafeBufferPointer { entries in
                    for index in entries.indices where Self.matches(matcher, entries[index], in: bytes) {
                        found.append(index)
                    }
                }
            }
        }
    }

    /// Keeps those of `positions` whose rows `filter` selects, in the same
    /// order, in place: no new array of up to 100,000 positions a keystroke.
    func narrow(_ positions: inout [Int], to filter: RowFilter) {
        filter.withMatcher { matcher in
            bytes.withUnsafeBufferPointer { bytes in
                entries.withUnsafeBufferPointer { entries in
                    positions.removeAll { !Self.matches(matcher, entries[$0], in: bytes) }
                }
            }
        }
    }

    @inline(__always)
    private static func matches(_ matcher: RowFilter.Matcher, _ entry: Entry, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let name = UnsafeBufferPointer(rebasing: bytes[entry.start..<(entry.start + Int(entry.nameCount))])
        let urlStart = entry.start + Int(entry.nameCount)
        let url = UnsafeBufferPointer(rebasing: bytes[urlStart..<(urlStart + Int(entry.urlCount))])
        let host = Int(entry.hostStart)..<Int(entry.hostStart + entry.hostCount)
        return matcher.matches(state: entry.state, name: name, url: url, host: host, lowered: true)
    }

    /// Whether the entry at `index` still holds `row`'s name and URL.
    private func isKey(at index: Int, of row: TransferSnapshot) -> Bool {
        let entry = entries[index]
        let urlStart = entry.start + Int(entry.nameCount)
        return bytes[entry.start..<urlStart].elementsEqual(row.name.utf8.lazy.map(RowFilter.lower))
            && bytes[urlStart..<(urlStart + Int(entry.urlCount))].elementsEqual(row.url.utf8.lazy.map(RowFilter.lower))
    }

    /// Writes the bytes again without the unused ones.
    private mutating func compact() {
        var kept: [UInt8] = []
        kept.reserveCapacity(bytes.count - unused)
        for index in entries.indices {
            let entry = entries[index]
            let start = kept.count
            kept += bytes[entry.start..<(entry.start + Int(entry.nameCount + entry.urlCount))]
            entries[index].start = start
        }
        bytes = kept
        unused = 0
    }

    private static func append(_ row: TransferSnapshot, to bytes: inout [UInt8]) -> Entry {
        var (name, url) = (row.name, row.url)
        let start = bytes.count
        name.withUTF8 { bytes.append(contentsOf: $0) }
        let urlStart = bytes.count
        url.withUTF8 { bytes.append(contentsOf: $0) }
        let host = bytes.withUnsafeMutableBufferPointer { bytes in
            for index in start..<bytes.count { bytes[index] = RowFilter.lower(bytes[index]) }
            return RowFilter.hostRange(in: UnsafeBufferPointer(rebasing: bytes[urlStart...]))
        }
        return Entry(start: start, nameCount: UInt32(urlStart - start), urlCount: UInt32(bytes.count - urlStart),
                     hostStart: UInt32(host.lowerBound), hostCount: UInt32(host.count), state: row.state)
    }
}
