/// The body of one helper connection of a segmented download: its range of
/// the file, written in place through its own BlockWriter. What it may write
/// is decided by the coordinator's plan (another connection may have stolen
/// the tail of the range meanwhile).
final class SegmentBody {
    let index: Int
    let writer: BlockWriter
    unowned let coordinator: SegmentCoordinator

    init(index: Int, writer: BlockWriter, coordinator: SegmentCoordinator) {
        self.index = index
        self.writer = writer
        self.coordinator = coordinator
    }

    /// Returns the count accepted; less than `count` stops the connection.
    func receive(_ bytes: UnsafeRawPointer, _ count: Int) -> Int {
        coordinator.receive(bytes, count, for: self)
    }
}
