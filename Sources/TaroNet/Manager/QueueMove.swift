/// How a person moves a waiting transfer in the list: past its waiting
/// neighbour, or to the front or back of everything waiting.
public enum QueueMove: String, Sendable, Equatable {
    case up, down, top, bottom
}
