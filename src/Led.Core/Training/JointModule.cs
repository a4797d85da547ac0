using TorchSharp;

namespace Led.Core.Training;

/// <summary>
/// The autoencoder's and the propagator's modules as one, so end-to-end training optimises and snapshots both.
/// Registering a module calls its <c>RegisterComponents</c>: a component that registers its submodules by name itself
/// must make that a no-op, or its private fields are registered a second time and its saved state no longer loads.
/// </summary>
internal sealed class JointModule : torch.nn.Module
{
    public JointModule(torch.nn.Module autoencoder, torch.nn.Module propagator) : base("Led")
    {
        register_module("autoencoder", autoencoder);
        register_module("propagator", propagator);
    }
}
