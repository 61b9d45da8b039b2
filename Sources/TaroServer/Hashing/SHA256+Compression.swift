// The SHA-256 block function. Tests and benchmarks hash up to a gibibyte in
// debug builds, where every generic call, iterator and overflow check costs:
// so this file sticks to wrapping arithmetic (&+), raw pointer access, locals
// instead of arrays and `while` loops. Unoptimised it runs at about 90 MB/s;
// the TaroServer target is meant to be built with -O even in debug
// configurations, which brings it to about 300 MB/s.

extension SHA256 {
    /// Processes `count` consecutive 64-byte blocks starting at `blocks`.
    static func compress(_ state: inout State, blocks: UnsafeRawPointer, count: Int) {
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { schedule in
            let w = schedule.baseAddress!
            roundConstants.withUnsafeBufferPointer { constants in
                let k = constants.baseAddress!
                var block = blocks
                var remaining = count
                while remaining > 0 {
                    compressOne(&state, block: block, w: w, k: k)
                    block += 64
                    remaining &-= 1
                }
            }
        }
    }

    @inline(__always)
    private static func compressOne(_ state: inout State, block: UnsafeRawPointer,
                                    w: UnsafeMutablePointer<UInt32>, k: UnsafePointer<UInt32>) {
        // `while` rather than `for in`: a debug build calls the range iterator
        // for every step of a `for` loop. Rotations are spelled out inline
        // for the same reason.
        var t = 0
        while t < 16 {
            w[t] = block.loadUnaligned(fromByteOffset: t &* 4, as: UInt32.self).byteSwapped
            t &+= 1
        }
        while t < 64 {
            let w15 = w[t &- 15], w2 = w[t &- 2]
            let s0 = ((w15 &>> 7) | (w15 &<< 25)) ^ ((w15 &>> 18) | (w15 &<< 14)) ^ (w15 &>> 3)
            let s1 = ((w2 &>> 17) | (w2 &<< 15)) ^ ((w2 &>> 19) | (w2 &<< 13)) ^ (w2 &>> 10)
            w[t] = w[t &- 16] &+ s0 &+ w[t &- 7] &+ s1
            t &+= 1
        }

        var a = state.h0, b = state.h1, c = state.h2, d = state.h3
        var e = state.h4, f = state.h5, g = state.h6, h = state.h7
        // Eight rounds per pass with the roles of a…h rotated in the
        // arguments, instead of shuffling eight variables every round.
        t = 0
        while t < 64 {
            round(a, b, c, &d, e, f, g, &h, k[t] &+ w[t])
            round(h, a, b, &c, d, e, f, &g, k[t &+ 1] &+ w[t &+ 1])
            round(g, h, a, &b, c, d, e, &f, k[t &+ 2] &+ w[t &+ 2])
            round(f, g, h, &a, b, c, d, &e, k[t &+ 3] &+ w[t &+ 3])
            round(e, f, g, &h, a, b, c, &d, k[t &+ 4] &+ w[t &+ 4])
            round(d, e, f, &g, h, a, b, &c, k[t &+ 5] &+ w[t &+ 5])
            round(c, d, e, &f, g, h, a, &b, k[t &+ 6] &+ w[t &+ 6])
            round(b, c, d, &e, f, g, h, &a, k[t &+ 7] &+ w[t &+ 7])
            t &+= 8
        }
        state.h0 &+= a; state.h1 &+= b; state.h2 &+= c; state.h3 &+= d
        state.h4 &+= e; state.h5 &+= f; state.h6 &+= g; state.h7 &+= h
    }

    /// One round: `d` gains temp1 (it becomes the next e) and `h` becomes
    /// temp1 + temp2 (the next a).
    @inline(__always)
    private static func round(_ a: UInt32, _ b: UInt32, _ c: UInt32, _ d: inout UInt32,
                              _ e: UInt32, _ f: UInt32, _ g: UInt32, _ h: inout UInt32,
                              _ constantPlusWord: UInt32) {
        let temp1 = h &+ (((e &>> 6) | (e &<< 26)) ^ ((e &>> 11) | (e &<< 21)) ^ ((e &>> 25) | (e &<< 7)))
            &+ ((e & f) ^ (~e & g)) &+ constantPlusWord
        d &+= temp1
        h = temp1 &+ (((a &>> 2) | (a &<< 30)) ^ ((a &>> 13) | (a &<< 19)) ^ ((a &>> 22) | (a &<< 10)))
            &+ ((a & b) ^ (a & c) ^ (b & c))
    }

    /// The first 32 bits of the fractional parts of the cube roots of the first 64 primes.
    private static let roundConstants: [UInt32] = [
        0x428a_2f98, 0x7137_4491, 0xb5c0_fbcf, 0xe9b5_dba5, 0x3956_c25b, 0x59f1_11f1, 0x923f_82a4, 0xab1c_5ed5,
        0xd807_aa98, 0x1283_5b01, 0x2431_85be, 0x550c_7dc3, 0x72be_5d74, 0x80de_b1fe, 0x9bdc_06a7, 0xc19b_f174,
        0xe49b_69c1, 0xefbe_4786, 0x0fc1_9dc6, 0x240c_a1cc, 0x2de9_2c6f, 0x4a74_84aa, 0x5cb0_a9dc, 0x76f9_88da,
        0x983e_5152, 0xa831_c66d, 0xb003_27c8, 0xbf59_7fc7, 0xc6e0_0bf3, 0xd5a7_9147, 0x06ca_6351, 0x1429_2967,
        0x27b7_0a85, 0x2e1b_2138, 0x4d2c_6dfc, 0x5338_0d13, 0x650a_7354, 0x766a_0abb, 0x81c2_c92e, 0x9272_2c85,
        0xa2bf_e8a1, 0xa81a_664b, 0xc24b_8b70, 0xc76c_51a3, 0xd192_e819, 0xd699_0624, 0xf40e_3585, 0x106a_a070,
        0x19a4_c116, 0x1e37_6c08, 0x2748_774c, 0x34b0_bcb5, 0x391c_0cb3, 0x4ed8_aa4a, 0x5b9c_ca4f, 0x682e_6ff3,
        0x748f_82ee, 0x78a5_636f, 0x84c8_7814, 0x8cc7_0208, 0x90be_fffa, 0xa450_6ceb, 0xbef9_a3f7, 0xc671_78f2,
    ]
}
