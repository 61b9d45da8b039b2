import TaroNet

/// Content-Disposition with `filename` and `filename*`: whatever the header
/// proposes, the name made of it is safe (the safe-name invariant holds).
enum DispositionInvariant {
    static func check(_ bytes: [UInt8]) {
        let header = String(decoding: bytes, as: UTF8.self)
        guard let proposed = ContentDisposition.fileName(from: header) else { return }
        SafeNameInvariant.verify(SafeFileName.make(proposed), from: proposed)
    }
}
