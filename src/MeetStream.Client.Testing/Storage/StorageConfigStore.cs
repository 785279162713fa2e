using System.Text.Json.Nodes;

namespace MeetStream.Client.Testing;

/// <summary>The workspace's bring-your-own-bucket configuration, as GET /admin/configs returns it (credentials are never kept). Read and changed under the engine's lock.</summary>
internal sealed class StorageConfigStore
{
    /// <summary>The stored configuration, or null when none is set.</summary>
    public JsonObject? Current { get; set; }

    /// <summary>True when media goes to a bucket MeetStream may write but not read back (access_mode write_only).</summary>
    public bool IsWriteOnly => Current is { } storage && string.Equals(Json.Str(storage, "access_mode"), "write_only", StringComparison.Ordinal);
}
