namespace MeetStream.Client.Lambda;

/// <summary>
/// Where the keyword-alert function hands its hits. <see cref="SqsKeywordAlertQueue"/> is the implementation (Amazon
/// SQS); implement it to hand hits to something else.
/// </summary>
public interface IKeywordAlertQueue
{
    /// <summary>Sends the messages, all or as many as the queue accepted.</summary>
    /// <param name="messages">The messages, in spoken order.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The messages the queue did not accept (empty when all were sent).</returns>
    /// <exception cref="KeywordAlertQueueException">The queue could not be reached or refused the call as a whole.</exception>
    Task<IReadOnlyList<KeywordAlertFailure>> SendAsync(IReadOnlyList<KeywordAlertMessage> messages, CancellationToken cancellationToken = default);
}
