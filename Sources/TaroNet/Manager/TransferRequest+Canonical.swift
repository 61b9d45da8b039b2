extension TransferRequest {
    /// The same request with its local file named canonically (see
    /// `LocalPath`): records written by older versions, or by hand, are
    /// compared with this run's destinations in one spelling.
    var canonicalized: TransferRequest {
        switch self {
        case .download(let url, let path, let headers):
            return .download(url: url, path: LocalPath.canonicalFile(path), headers: headers)
        case .upload(let file, let url, let fieldName, let put, let headers):
            return .upload(filePath: LocalPath.canonicalFile(file), url: url, fieldName: fieldName, put: put,
                           headers: headers)
        }
    }
}

extension StoredTransfer {
    /// The record with its local file named canonically.
    var canonicalized: StoredTransfer {
        var record = self
        record.request = request.canonicalized
        return record
    }
}
