using MeetStream.Client.Tests.PublicApi;

namespace MeetStream.Client.AspNetCore.Tests.PublicApi;

/// <summary>The public surface of MeetStream.Client.AspNetCore must match its reviewed text file.</summary>
public sealed class PublicApiApprovalTests
{
    [Fact]
    public void AspNetCorePackage_PublicApi_MatchesApprovedFile() =>
        PublicApiApproval.Verify(typeof(Microsoft.AspNetCore.Builder.MeetStreamWebhookEndpointRouteBuilderExtensions).Assembly);
}
