using Led.Abstractions.Learning;
using Led.Abstractions.Systems;

namespace Led.Core.Pipelines;

/// <summary>
/// The latent space of a configured encoder, autoencoder, decoder or propagator, decided from its options and the
/// system's description (<see cref="IShapeOptions"/>) without building it. A component whose options do not describe
/// their shapes (a plugin built against an earlier SDK) is built once to find out, and disposed.
/// </summary>
public static class ComponentShapes
{
    /// <summary>The latent space <paramref name="component"/> works in, or null with the reason added to <paramref name="problems"/>.</summary>
    /// <param name="latent">The latent space a decoder or propagator is built for; null for an encoder or autoencoder.</param>
    public static LatentSpace? Check(ConfiguredComponent component, SystemDescription system, LatentSpace? latent, IComponentFactory components,
        IDeviceContext device, List<string> problems)
    {
        try
        {
            if (component.Options is IShapeOptions shapes) return shapes.CheckShapes(system, latent);
            object built = latent is null
                ? components.Create(component.Section, system, device)
                : components.Create(component.Section, system, latent, device);
            try
            {
                return built switch
                {
                    IEncoder encoder => new LatentSpace(encoder.LatentDim),
                    IDecoder decoder => new LatentSpace(decoder.LatentDim),
                    _ => latent,
                };
            }
            finally
            {
                (built as IDisposable)?.Dispose();
            }
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or InvalidDataException or FileNotFoundException)
        {
            problems.Add($"{component.Section}: {ex.Message}");
            return null;
        }
    }
}
