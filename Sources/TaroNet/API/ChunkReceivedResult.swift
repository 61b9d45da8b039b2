import Dispatch
import Synchronization

/// What `onChunkReceived` listeners get: body bytes in arrival order.
public struct ChunkReceivedResult: Sendable, Equatable {
    public let data: [UInt8]
}
