/// Row ids, first in first out: an array read from a moving head, so taking
/// the first costs O(1) and the taken ones are dropped in one move once
/// they are half the array (amortised O(1) too). The persister's lists of
/// rows still to look at are these: a pass takes a few hundred at a time
/// from the front without walking or rebuilding the rest.
struct IDQueue {
    private var ids: [UInt64] = []
    private var head = 0

    var isEmpty: Bool { head == ids.count }
    var count: Int { ids.count - head }
    var first: UInt64? { isEmpty ? nil : ids[head] }

    mutating func append(_ id: UInt64) { ids.append(id) }

    mutating func append(contentsOf more: [UInt64]) { ids.append(contentsOf: more) }

    mutating func popFirst() -> UInt64? {
        guard !isEmpty else { return nil }
        let id = ids[head]
        head += 1
        if head == ids.count {
            // Emptied: a long list (an import's 100,000) gives its buffer back.
            ids.removeAll(keepingCapacity: ids.count <= 4096)
            head = 0
        } else if head >= 1024 && head * 2 >= ids.count {
            ids.removeFirst(head)
            head = 0
        }
        return id
    }
}
