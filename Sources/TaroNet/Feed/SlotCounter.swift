/// Counts which slots of a growing array are in use, so that "how many used
/// slots come before slot s" (rank) and "which slot holds the k-th used one"
/// (select) both cost O(log n): a Fenwick tree of 0/1 values.
///
/// `TransferRows` keeps removed rows as empty slots until enough pile up to
/// compact; this is what turns a position on screen into a slot and back
/// without walking the list.
struct SlotCounter: Sendable {
    /// 1-based Fenwick array: `tree[i]` sums the slots (i - lowbit(i), i].
    private var tree: [Int] = [0]

    init() {}

    /// `count` slots, every one in use, built in O(n).
    init(allUsed count: Int) {
        tree = [0]
        tree.reserveCapacity(count + 1)
        // For all ones, each node covers exactly lowbit(i) slots.
        for i in stride(from: 1, through: count, by: 1) { tree.append(i & -i) }
    }

    /// Slots tracked, used or not.
    var slotCount: Int { tree.count - 1 }

    /// Adds a slot at the end, in use (1) or not (0). O(log n).
    mutating func append(used: Bool) {
        let i = tree.count
        // The new node covers (i - lowbit(i), i]: its own value plus the
        // nodes that tile (i - lowbit(i), i - 1].
        var sum = used ? 1 : 0
        var j = i - 1
        let low = i - (i & -i)
        while j > low {
            sum += tree[j]
            j -= j & -j
        }
        tree.append(sum)
    }

    /// Marks `slot` (0-based) used (+1) or free (-1).
    mutating func add(_ delta: Int, at slot: Int) {
        var i = slot + 1
        while i < tree.count {
            tree[i] += delta
            i += i & -i
        }
    }

    /// Used slots among the first `count` slots.
    func usedBefore(_ count: Int) -> Int {
        var i = min(count, tree.count - 1)
        var sum = 0
        while i > 0 {
            sum += tree[i]
            i -= i & -i
        }
        return sum
    }

    /// The slot that holds the used slot of rank `rank` (0-based), found by
    /// walking down the tree's powers of two. The caller keeps `rank` below
    /// the number of used slots.
    func slot(ofRank rank: Int) -> Int {
        let n = tree.count - 1
        var position = 0
        var remaining = rank + 1
        var step = 1
        while step * 2 <= n { step *= 2 }
        while step > 0 {
            let next = position + step
            if next <= n && tree[next] < remaining {
                position = next
                remaining -= tree[next]
            }
            step /= 2
        }
        return position
    }
}
