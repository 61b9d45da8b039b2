/// Where one connection's response body goes, one case per kind of
/// connection: a request's (or an upload's) body kept in memory, a
/// download's `.part` file, or one range of a segmented download. Chosen
/// once, when the connection is made, so a write never has to work out
/// what kind of transfer it belongs to.
enum BodyDestination {
    case memory(MemoryBody)
    case file(FileSink)
    case segment(SegmentBody)
}
