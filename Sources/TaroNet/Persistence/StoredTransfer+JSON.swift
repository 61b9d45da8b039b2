import Foundation

extension StoredTransfer {
    /// The record as the journal keeps it: the JSON document `JSONEncoder`
    /// makes of it (synthesized `Codable`: keys in declaration order, an
    /// enum case as an object keyed by its name, a `Date` as seconds since
    /// 2001, absent optionals left out), written directly. `JSONDecoder`
    /// reads it back. `JSONEncoder` cost about 100,000 instructions a
    /// record, and a list of small files that outlive the save delay has
    /// every one of them saved. nil when `JSONEncoder` would refuse it (a
    /// non-finite number).
    var journalJSON: [UInt8]? {
        var out = JSONText()
        out.open()
        out.key("version"); out.int(Int64(version))
        out.key("key"); out.string(key)
        out.key("request"); Self.write(request, to: &out)
        out.key("serverNaming"); out.bool(serverNaming)
        out.key("state"); out.string(state.rawValue)
        if let resume {
            out.key("resume")
            out.open()
            out.key("validator"); out.string(resume.validator)
            out.key("total"); out.int(resume.total)
            out.key("offset"); out.int(resume.offset)
            out.key("ranges")
            out.open(array: true)
            for range in resume.ranges {
                out.element()
                out.open()
                out.key("start"); out.int(range.start)
                out.key("end"); out.int(range.end)
                out.key("written"); out.int(range.written)
                out.close()
            }
            out.close(array: true)
            out.close()
        }
        out.key("attempts"); out.int(Int64(attempts))
        out.key("addedAt")
        guard out.double(addedAt.timeIntervalSinceReferenceDate) else { return nil }
        if let rateLimit { out.key("rateLimit"); out.int(rateLimit) }
        if let owner { out.key("owner"); out.string(owner.rawValue) }
        if let checksum {
            out.key("checksum")
            out.open()
            out.key("algorithm"); out.string(checksum.algorithm.rawValue)
            out.key("digest")
            out.open(array: true)
            for byte in checksum.digest {
                out.element()
                out.int(Int64(byte))
            }
            out.close(array: true)
            out.close()
        }
        if let rank {
            out.key("rank")
            guard out.double(rank) else { return nil }
        }
        if let withheld {
            out.key("withheld")
            out.open(array: true)
            for name in withheld {
                out.element()
                out.string(name)
            }
            out.close(array: true)
        }
        out.close()
        return out.bytes
    }

    private static func write(_ request: TransferRequest, to out: inout JSONText) {
        out.open()
        switch request {
        case .download(let url, let path, let headers):
            out.key("download")
            out.open()
            out.key("url"); out.string(url)
            out.key("path"); out.string(path)
            out.key("headers"); write(headers, to: &out)
            out.close()
        case .upload(let filePath, let url, let fieldName, let put, let headers):
            out.key("upload")
            out.open()
            out.key("filePath"); out.string(filePath)
            out.key("url"); out.string(url)
            out.key("fieldName"); out.string(fieldName)
            out.key("put"); out.bool(put)
            out.key("headers"); write(headers, to: &out)
            out.close()
        }
        out.close()
    }

    private static func write(_ headers: [String: String], to out: inout JSONText) {
        out.open()
        for (name, value) in headers {
            out.key(name)
            out.string(value)
        }
        out.close()
    }
}
