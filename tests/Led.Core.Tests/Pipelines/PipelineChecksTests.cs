using Led.Abstractions.Learning;
using Led.Abstractions.Plugins;
using Led.Autoencoders.Pca;
using Led.Core.Configuration;
using Led.Core.Pipelines;
using Led.Propagators.Lstm;
using Led.Testing;
using Led.TestPlugins.Oscillator;
using TorchSharp;

namespace Led.Core.Tests.Pipelines;

public class PipelineChecksTests
{
    /// <summary>The test oscillator (2 channels × 4 points: 8 values per snapshot) with the given encoder and propagator.</summary>
    private static ExperimentConfig Config(string encoder, string propagator) => new()
    {
        System = new SystemSection { Name = "Oscillator" },
        Encoder = new ComponentSection { Name = encoder },
        Propagator = new ComponentSection { Name = propagator },
        Data = new DataOptions { TrainSamples = 120, ValidationSamples = 60, TestInitialConditions = 3 },
        Training = new TrainingOptions { SequenceLength = 10, WindowLength = 41 },
        Forecast = new ForecastOptions { Warmup = 5, Horizon = 20 },
    };

    [Fact]
    public void TheLargestLstmIsCheckedWithoutBuildingAnyLearnedComponent()
    {
        // An LSTM with 65536 hidden units holds 4·65536·(65536 + 8 + 2) ≈ 1.7e10 weights (about 137 GB in float64):
        // building it to check the config is what must not happen.
        var factory = new DescribingFactory(new()
        {
            ["encoder"] = (typeof(PcaAutoencoder), new PcaOptions { LatentDim = 8 }),
            ["propagator"] = (typeof(LstmPropagator), new LstmOptions { Hidden = 65536 }),
        });
        var problems = PipelineChecks.Check(Config("Pca", "Lstm"), factory, new CpuDevice(), needsModel: true);
        Assert.Empty(problems);
        Assert.Equal(["system"], factory.Created);
    }

    [Fact]
    public void AnOptionThatDoesNotFitTheSystemIsFoundFromTheOptionsAlone()
    {
        var factory = new DescribingFactory(new()
        {
            ["encoder"] = (typeof(PcaAutoencoder), new PcaOptions { LatentDim = 9 }),
            ["propagator"] = (typeof(LstmPropagator), new LstmOptions()),
        });
        var problems = PipelineChecks.Check(Config("Pca", "Lstm"), factory, new CpuDevice(), needsModel: true);
        Assert.Equal(["encoder: latentDim 9 exceeds the state size 8 of the system: choose at most 8"], problems);
        Assert.Equal(["system"], factory.Created);
    }

    [Fact]
    public void AComponentWhoseOptionsDoNotDescribeItsShapesIsBuiltOnceAndDisposed()
    {
        var factory = new DescribingFactory(new()
        {
            ["encoder"] = (typeof(PcaAutoencoder), new PcaOptions { LatentDim = 3 }),
            ["propagator"] = (typeof(EarlierSdkPropagator), new EarlierSdkOptions()),
        });
        var problems = PipelineChecks.Check(Config("Pca", "Earlier"), factory, new CpuDevice(), needsModel: true);
        Assert.Empty(problems);
        Assert.Equal(["system", "propagator"], factory.Created);
        var built = Assert.IsType<EarlierSdkPropagator>(factory.Built["propagator"]);
        Assert.Equal(3, built.LatentDim);
        Assert.True(built.Disposed);
    }

    /// <summary>Options of a plugin built before <see cref="IShapeOptions"/> existed.</summary>
    private sealed class EarlierSdkOptions;

    private sealed class EarlierSdkPropagator(LatentSpace latent) : ILatentPropagator, ITrainable, IDisposable
    {
        public int LatentDim => latent.Dim;

        public bool Disposed { get; private set; }

        public torch.nn.Module Module => throw new NotSupportedException("only built");

        public PropagatorState Start(int batchSize) => throw new NotSupportedException("only built");

        public torch.Tensor Forward(PropagatorState state, torch.Tensor latents) => throw new NotSupportedException("only built");

        public void Dispose() => Disposed = true;
    }

    /// <summary>Describes the configured components and records what is built: the oscillator system, and components whose options do not describe their shapes.</summary>
    private sealed class DescribingFactory(Dictionary<string, (Type Type, object Options)> sections) : IComponentFactory
    {
        public List<string> Created { get; } = [];

        public Dictionary<string, object> Built { get; } = [];

        public bool IsConfigured(string section) => section == "system" || sections.ContainsKey(section);

        public object Create(string section, params object[] context)
        {
            Created.Add(section);
            object built = section switch
            {
                "system" => new Oscillator(new OscillatorOptions()),
                _ when sections[section].Type == typeof(EarlierSdkPropagator) => new EarlierSdkPropagator(context.OfType<LatentSpace>().Single()),
                _ => throw new InvalidOperationException($"{section} was built"),
            };
            Built[section] = built;
            return built;
        }

        public ConfiguredComponent Describe(string section) => new(section, sections[section].Type, sections[section].Options);

        public object CreateDefault(ComponentKind kind, string name, params object[] context) =>
            throw new InvalidOperationException($"{kind} {name} was built");
    }
}
