using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace BorderSecurity.Api.Security;

/// <summary>Mints tokens signed with the configured key, offline: for local use and tests, never for production.</summary>
public static class DevelopmentTokens
{
    /// <summary>Creates a signed token.</summary>
    /// <param name="options">The issuer, audience and key.</param>
    /// <param name="subject">The caller's name (<c>sub</c>).</param>
    /// <param name="roles">Its roles (<c>role</c> claims), for example <c>editor</c>.</param>
    /// <param name="now">When it is issued.</param>
    /// <param name="lifetime">How long it is valid.</param>
    /// <returns>The compact JWT.</returns>
    public static string Create(ApiAuthOptions options, string subject, IEnumerable<string> roles, DateTimeOffset now, TimeSpan lifetime)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(subject);
        ArgumentNullException.ThrowIfNull(roles);
        var claims = new List<Claim> { new("sub", subject) };
        claims.AddRange(roles.Select(r => new Claim(ApiAuthOptions.RoleClaim, r)));
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = options.Issuer,
            Audience = options.Audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = now.Add(lifetime).UtcDateTime,
            SigningCredentials = new SigningCredentials(options.Key(), SecurityAlgorithms.HmacSha256),
        });
    }
}

/// <summary>
/// <c>dotnet run --project samples/BorderSecurity.Api -- token --role editor [--role reader] [--name alice] [--hours 8]</c>:
/// prints a token signed with the development key, then exits. Refused outside the Development environment.
/// </summary>
public static class DevelopmentTokenCommand
{
    /// <summary>Whether the arguments ask for a token.</summary>
    /// <param name="args">The program's arguments.</param>
    /// <returns>Whether the first argument is <c>token</c>.</returns>
    public static bool IsRequested(string[] args) => args is ["token", ..];

    /// <summary>Prints a token.</summary>
    /// <param name="args">The program's arguments, starting with <c>token</c>.</param>
    /// <param name="configuration">The configuration holding the <c>Auth</c> section.</param>
    /// <param name="environment">The environment; only Development mints tokens.</param>
    /// <param name="output">Where the token goes.</param>
    /// <param name="error">Where problems go.</param>
    /// <returns>0 when a token was printed, 2 otherwise.</returns>
    public static int Run(string[] args, IConfiguration configuration, IHostEnvironment environment, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (!environment.IsDevelopment())
        {
            error.WriteLine($"token: development tokens are minted only in the Development environment (this is {environment.EnvironmentName}); use your identity provider.");
            return 2;
        }

        var roles = new List<string>();
        var name = Environment.UserName;
        var hours = 8;
        for (var i = 1; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--role" when value is not null:
                    roles.Add(value);
                    i++;
                    break;
                case "--name" when value is not null:
                    name = value;
                    i++;
                    break;
                case "--hours" when value is not null && int.TryParse(value, out hours) && hours is > 0 and <= 24 * 30:
                    i++;
                    break;
                default:
                    error.WriteLine($"token: unexpected '{args[i]}'. Usage: token --role editor|reader [--role ...] [--name NAME] [--hours 1-720]");
                    return 2;
            }
        }

        if (roles.Count == 0)
        {
            error.WriteLine("token: name at least one role, for example --role editor.");
            return 2;
        }

        var options = configuration.GetSection(ApiAuthOptions.Section).Get<ApiAuthOptions>() ?? new ApiAuthOptions();
        try
        {
            output.WriteLine(DevelopmentTokens.Create(options, name, roles, DateTimeOffset.UtcNow, TimeSpan.FromHours(hours)));
            return 0;
        }
        catch (InvalidOperationException e)
        {
            error.WriteLine($"token: {e.Message}");
            return 2;
        }
    }
}
