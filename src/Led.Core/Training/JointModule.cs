using TorchSharp;

namespace Led.Core.Training;

/// <summary>The autoencoder's and the propagator's modules as one, so end-to-end training optimises and snapshots both.</summary>
internal sealed class JointModule : torch.nn.Module
{
    private readonly torch.nn.Module autoencoder;
    private readonly torch.nn.Module propagator;

    public JointModule(torch.nn.Module autoencoder, torch.nn.Module propagator) : base("Led")
    {
        this.autoencoder = autoencoder;
        this.propagator = propagator;
        RegisterComponents();
    }
}
