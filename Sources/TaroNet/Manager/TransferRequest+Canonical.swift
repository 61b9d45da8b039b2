extension TransferRequest {
    /// The same request with its local file named canonically (see
    /// `LocalPath`): records written by older versions, or by hand, are
    /// compared with this run's destinations in one spelling.
    var canonicalized: TransferRequest {
        var directories: [String: String] = [:]
        return canonicalized(directories: &directories)
    }

    /// The same, each directory resolved once per `directories`.
    func canonicalized(directories: inout [String: String]) -> TransferRequest {
        switch self {
        case .download(let url, let path, let headers):
            return .download(url: url, path: LocalPath.canonicalFile(path, directories: &directories), headers: headers)
        case .upload(let file, let url, let fieldName, let put, let headers):
            return .upload(filePath: LocalPath.canonicalFile(file, directories: &directories), url: url,
                           fieldName: fieldName, put: put, headers: headers)
        }
    }
}

extension StoredTransfer {
    /// The record with its local file named canonically.
    func canonicalized(directories: inout [String: String]) -> StoredTransfer {
        var record = self
        record.request = request.canonicalized(directories: &directories)
        return record
    }
}
