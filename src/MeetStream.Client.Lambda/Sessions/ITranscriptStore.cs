namespace MeetStream.Client.Lambda;

/// <summary>
/// Where fetched transcripts are kept (never inside the DynamoDB item, whose limit is 400 KB).
/// <see cref="S3TranscriptStore"/> is the implementation.
/// </summary>
public interface ITranscriptStore
{
    /// <summary>Writes a transcript under a key derived from the bot and transcript ids (rewriting the same key is harmless).</summary>
    /// <param name="botId">The bot id.</param>
    /// <param name="transcriptId">The transcript id.</param>
    /// <param name="json">The transcript JSON as MeetStream returned it.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The object key.</returns>
    Task<string> PutAsync(string botId, string transcriptId, ReadOnlyMemory<byte> json, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes a transcript's end-of-meeting analytics (<see cref="MeetingAnalyticsDocument"/> JSON) beside it, under a key
    /// derived from the same ids (rewriting it is harmless).
    /// </summary>
    /// <param name="botId">The bot id.</param>
    /// <param name="transcriptId">The transcript id.</param>
    /// <param name="json">The analytics JSON.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The object key.</returns>
    Task<string> PutAnalyticsAsync(string botId, string transcriptId, ReadOnlyMemory<byte> json, CancellationToken cancellationToken = default);

    /// <summary>Reads a stored transcript (or any object of the store, such as the analytics).</summary>
    /// <param name="key">The object key.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The bytes, or <see langword="null"/> when there is no such object.</returns>
    Task<byte[]?> GetAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Creates a time-limited download URL (for results too large for a 6 MB Lambda response).</summary>
    /// <param name="key">The object key.</param>
    /// <param name="validFor">How long the URL works.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The URL.</returns>
    Task<Uri> CreateDownloadUrlAsync(string key, TimeSpan validFor, CancellationToken cancellationToken = default);
}
