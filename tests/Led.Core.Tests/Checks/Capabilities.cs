using Led.Abstractions.Learning;
using Led.Core.Checks;
using Led.Core.Configuration;
using Led.TestPlugins.Oscillator;
using TorchSharp;

namespace Led.Core.Tests.Checks;

/// <summary>Component types with given capabilities, for the component rules, which look at nothing else.</summary>
internal static class Capabilities
{
    public static Type FittedAutoencoder => typeof(Fitted);

    public static Type TrainableAutoencoder => typeof(Trainable);

    public static Type VariationalAutoencoder => typeof(Variational);

    /// <summary>The test plugin's closed-form propagator.</summary>
    public static Type FittedPropagator => typeof(LinearPropagator);

    public static Type TrainablePropagator => typeof(Trainable);

    /// <summary>A config naming encoder E and propagator P, with the given training options.</summary>
    public static ExperimentConfig Config(TrainingOptions training) => new()
    {
        Encoder = new ComponentSection { Name = "E" },
        Propagator = new ComponentSection { Name = "P" },
        Training = training,
    };

    public static ComponentRuleContext Context(TrainingOptions training, Type? autoencoder, Type? propagator, params string[] set) =>
        new(Config(training), autoencoder, propagator, set.Contains);

    private class Fitted : IAutoencoder, IFittable
    {
        public int LatentDim => 2;

        public torch.Tensor Encode(torch.Tensor states) => throw new NotSupportedException("rules only look at capabilities");

        public torch.Tensor Decode(torch.Tensor latents) => throw new NotSupportedException("rules only look at capabilities");

        public void Fit(FitData data) => throw new NotSupportedException("rules only look at capabilities");

        public void Save(Stream stream) => throw new NotSupportedException("rules only look at capabilities");

        public void Load(Stream stream) => throw new NotSupportedException("rules only look at capabilities");
    }

    private class Trainable : IAutoencoder, ILatentPropagator, ITrainable
    {
        public int LatentDim => 2;

        public torch.nn.Module Module => throw new NotSupportedException("rules only look at capabilities");

        public torch.Tensor Encode(torch.Tensor states) => throw new NotSupportedException("rules only look at capabilities");

        public torch.Tensor Decode(torch.Tensor latents) => throw new NotSupportedException("rules only look at capabilities");

        public PropagatorState Start(int batchSize) => throw new NotSupportedException("rules only look at capabilities");

        public torch.Tensor Forward(PropagatorState state, torch.Tensor latents) => throw new NotSupportedException("rules only look at capabilities");
    }

    private sealed class Variational : Trainable, IVariationalEncoder
    {
        public double Beta => 1;

        public (torch.Tensor Mean, torch.Tensor LogVariance) EncodeDistribution(torch.Tensor states) =>
            throw new NotSupportedException("rules only look at capabilities");
    }
}
