using Microsoft.Extensions.DependencyInjection;

namespace BorderSecurity.Domain.Hosting;

/// <summary>
/// Returned by <c>services.AddBorderSecurity()</c>: the services the model was registered in, for the packages that
/// plug another store in with one line (for example <c>.UseMarten(...)</c> from BorderSecurity.Domain.Marten).
/// </summary>
public sealed class BorderSecurityBuilder
{
    /// <summary>Creates the builder.</summary>
    /// <param name="services">The services the model was registered in.</param>
    public BorderSecurityBuilder(IServiceCollection services) => Services = Guard.Against.Null(services);

    /// <summary>The services the model was registered in.</summary>
    public IServiceCollection Services { get; }
}
