using Microsoft.AspNetCore.Authorization;

namespace Warta.Web.Api;

/// <summary>The <see cref="ApiPolicies.Read"/> requirement: see <see cref="ReadAccessHandler"/>.</summary>
internal sealed class ReadAccessRequirement : IAuthorizationRequirement;
