using System.Net;
using DatRules.Sec.Edgar;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the <see cref="EdgarClient"/> typed HTTP client.</summary>
public static class EdgarServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="EdgarClient"/> as a typed client of the HTTP client factory, with (outermost first) a
    /// resilience handler (retries with exponential backoff and jitter on 5xx, 408, 429 honouring Retry-After, and on
    /// broken or cut bodies; a timeout per attempt), a body check (reads the body inside the retry; JSON must parse to
    /// its end), and a guard (no User-Agent: nothing sent; at most <see cref="EdgarClientOptions.MaxRequestsPerSecond"/>
    /// requests a second, one rate gate shared by every client of the service provider). Responses are decompressed
    /// (gzip, deflate, brotli).
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the options (User-Agent, base URL, cache, offline, limits).</param>
    /// <returns>The client's builder, for further configuration.</returns>
    public static IHttpClientBuilder AddEdgarClient(this IServiceCollection services, Action<EdgarClientOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<EdgarClientOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddSingleton(sp => new EdgarRateGate(sp.GetRequiredService<IOptions<EdgarClientOptions>>().Value.MaxRequestsPerSecond));
        services.TryAddTransient<EdgarBodyCheckHandler>();
        services.TryAddTransient<EdgarGuardHandler>();
        var builder = services.AddHttpClient<EdgarClient>()
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                AutomaticDecompression = DecompressionMethods.All,
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            })
            .ConfigureHttpClient(c => c.Timeout = Timeout.InfiniteTimeSpan);
        builder.AddResilienceHandler("edgar", (pipeline, context) =>
        {
            var o = context.ServiceProvider.GetRequiredService<IOptions<EdgarClientOptions>>().Value;
            if (o.MaxRetries > 0)
            {
                pipeline.AddRetry(new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = o.MaxRetries,
                    Delay = o.RetryDelay,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    ShouldRetryAfterHeader = true,
                });
            }

            pipeline.AddTimeout(o.AttemptTimeout);
        });
        builder.AddHttpMessageHandler<EdgarBodyCheckHandler>();
        builder.AddHttpMessageHandler<EdgarGuardHandler>();
        return builder;
    }
}
