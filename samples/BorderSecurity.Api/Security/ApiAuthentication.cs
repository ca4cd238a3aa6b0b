using System.Text;
using BorderSecurity.Api.Endpoints;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace BorderSecurity.Api.Security;

/// <summary>The <c>Auth</c> configuration section: how bearer tokens are checked and whether reads need one.</summary>
public sealed class ApiAuthOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Auth";

    /// <summary>The role a token needs to write.</summary>
    public const string EditorRole = "editor";

    /// <summary>The role a token needs to read when <see cref="RequireReaderRole"/> is set (an editor may read too).</summary>
    public const string ReaderRole = "reader";

    /// <summary>The claim carrying roles in tokens (<c>role</c>, as <c>dotnet user-jwts</c> writes it).</summary>
    public const string RoleClaim = "role";

    /// <summary>The token issuer (<c>iss</c>) accepted.</summary>
    public string Issuer { get; set; } = "";

    /// <summary>The audience (<c>aud</c>) accepted.</summary>
    public string Audience { get; set; } = "";

    /// <summary>The HMAC-SHA256 signing key, at least 32 bytes of UTF-8. Keep real keys out of source control (user secrets, environment).</summary>
    public string SigningKey { get; set; } = "";

    /// <summary>Whether reads need a token with the reader (or editor) role; false (the default) leaves reads anonymous.</summary>
    public bool RequireReaderRole { get; set; }

    /// <summary>The signing key as a security key.</summary>
    /// <returns>The key.</returns>
    /// <exception cref="InvalidOperationException">No key is configured, or it is shorter than 32 bytes.</exception>
    public SymmetricSecurityKey Key()
    {
        var bytes = Encoding.UTF8.GetBytes(SigningKey);
        if (bytes.Length < 32)
        {
            throw new InvalidOperationException(
                $"{Section}:{nameof(SigningKey)} must be set to at least 32 bytes (it is {bytes.Length}). In development appsettings.Development.json has one; elsewhere set it through user secrets or the environment ({Section}__{nameof(SigningKey)}).");
        }

        return new SymmetricSecurityKey(bytes);
    }
}

/// <summary>The authorization policies endpoints name.</summary>
public static class ApiPolicies
{
    /// <summary>Writes: an authenticated caller with the editor role.</summary>
    public const string Write = "write";

    /// <summary>Reads: anyone, or, with <c>Auth:RequireReaderRole</c>, a caller with the reader or editor role.</summary>
    public const string Read = "read";
}

/// <summary>JWT bearer authentication with issuer, audience and key from configuration; 401 and 403 as problem details.</summary>
public static class ApiAuthentication
{
    /// <summary>Adds authentication and the <see cref="ApiPolicies"/>.</summary>
    /// <param name="builder">The application builder.</param>
    /// <returns><paramref name="builder"/>.</returns>
    public static WebApplicationBuilder AddApiAuthentication(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var section = builder.Configuration.GetSection(ApiAuthOptions.Section);
        builder.Services.AddOptions<ApiAuthOptions>().Bind(section)
            .Validate(o => System.Text.Encoding.UTF8.GetByteCount(o.SigningKey) >= 32,
                $"{ApiAuthOptions.Section}:{nameof(ApiAuthOptions.SigningKey)} is missing or shorter than 32 bytes: set the environment variable "
                + $"{ApiAuthOptions.Section}__{nameof(ApiAuthOptions.SigningKey)} from a secret store (appsettings.Development.json has a key for Development only).")
            .Validate(o => o.Issuer.Length > 0 && o.Audience.Length > 0,
                $"{ApiAuthOptions.Section}:Issuer and {ApiAuthOptions.Section}:Audience must be set ({ApiAuthOptions.Section}__Issuer, {ApiAuthOptions.Section}__Audience).")
            .ValidateOnStart();
        var auth = section.Get<ApiAuthOptions>() ?? new ApiAuthOptions();

        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<ApiAuthOptions>>((jwt, options) =>
            {
                var o = options.Value;
                jwt.MapInboundClaims = false;
                jwt.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = o.Issuer,
                    ValidAudience = o.Audience,
                    IssuerSigningKey = o.Key(),
                    ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
                    RoleClaimType = ApiAuthOptions.RoleClaim,
                    NameClaimType = "sub",
                };
                jwt.Events = new JwtBearerEvents
                {
                    OnChallenge = async context =>
                    {
                        context.HandleResponse();
                        var detail = context.AuthenticateFailure is null
                            ? "This request needs a bearer token (Authorization: Bearer <token>); see docs/getting-started.md for a development token."
                            : "The bearer token was refused: it is expired, not signed with the configured key, or not for this issuer and audience.";
                        context.Response.Headers.WWWAuthenticate = "Bearer";
                        await ApiProblems.WriteAsync(context.HttpContext, StatusCodes.Status401Unauthorized, "Unauthorized", detail, "Authorization");
                    },
                    OnForbidden = context => ApiProblems.WriteAsync(context.HttpContext, StatusCodes.Status403Forbidden, "Forbidden",
                        $"The token is valid but lacks the role this request needs ('{ApiAuthOptions.EditorRole}' to write, '{ApiAuthOptions.ReaderRole}' to read when reads are protected).", "role"),
                };
            });

        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(ApiPolicies.Write, p => p.RequireAuthenticatedUser().RequireRole(ApiAuthOptions.EditorRole))
            .AddPolicy(ApiPolicies.Read, p =>
            {
                if (auth.RequireReaderRole)
                {
                    p.RequireAuthenticatedUser().RequireRole(ApiAuthOptions.ReaderRole, ApiAuthOptions.EditorRole);
                }
                else
                {
                    p.RequireAssertion(_ => true);
                }
            });
        return builder;
    }
}
