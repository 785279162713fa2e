using MeetStream.Client.Tests.PublicApi;

namespace MeetStream.Client.Lambda.Tests.PublicApi;

/// <summary>
/// The public surface of MeetStream.Client.Lambda must match <c>MeetStream.Client.Lambda.approved.txt</c> next to this
/// file. On a difference the test writes <c>*.received.txt</c>; review it and copy it over the approved file (or run the
/// tests with MEETSTREAM_ACCEPT_API=1) in the same change as the code.
/// </summary>
public sealed class LambdaPublicApiTests
{
    [Fact]
    public void LambdaPackage_PublicApi_MatchesApprovedFile() => PublicApiApproval.Verify(typeof(LambdaHost).Assembly);
}
