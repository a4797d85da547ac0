using System.Reflection;
using Led.Abstractions.Plugins;
using Led.Core;
using Led.Hosting.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Led.Hosting.Components;

/// <summary>
/// Creates an experiment's components with the public constructor whose parameters can all be supplied — from the bound
/// options, the given context (system description, device, latent space…; a constructor may ignore any of them) or the
/// container — preferring the one with most parameters. An <c>ILogger&lt;T&gt;</c> parameter gets a logger from the
/// <see cref="ILoggerFactory"/> in the context (a run's: it writes to the run's log) or the container, else a null logger.
/// </summary>
public sealed class ComponentFactory(IServiceProvider services, Experiment experiment, ComponentRegistry? registry = null) : IComponentFactory
{
    public bool IsConfigured(string section) => experiment.Components.ContainsKey(section);

    public object Create(string section, params object[] context) => Construct(Find(section), context);

    public ConfiguredComponent Describe(string section)
    {
        var component = Find(section);
        return new ConfiguredComponent(section, component.Registration.ImplementationType, component.Options);
    }

    private ResolvedComponent Find(string section) =>
        experiment.Components.TryGetValue(section, out var component) ? component
            : throw new InvalidOperationException($"the config has no '{section}' section: add one naming a component that a loaded plugin registers");

    public object CreateDefault(ComponentKind kind, string name, params object[] context)
    {
        if (registry is null) throw new InvalidOperationException($"{kind} '{name}' cannot be created: this factory has no component registry");
        if (!registry.TryFind(kind, name, out var registration, out var error)) throw new InvalidOperationException(error);
        var options = Activator.CreateInstance(registration!.OptionsType)!;
        return Construct(new ResolvedComponent(name, registration, options), context);
    }

    private object Construct(ResolvedComponent component, object[] context)
    {
        var type = component.Registration.ImplementationType;
        object[] available = [component.Options, .. context];
        foreach (var constructor in type.GetConstructors().OrderByDescending(c => c.GetParameters().Length))
        {
            var parameters = constructor.GetParameters();
            var arguments = new object?[parameters.Length];
            bool satisfied = true;
            for (int i = 0; i < parameters.Length && satisfied; i++)
            {
                var p = parameters[i].ParameterType;
                arguments[i] = available.FirstOrDefault(p.IsInstanceOfType) ?? services.GetService(p) ?? Logger(p, available);
                satisfied = arguments[i] is not null || parameters[i].HasDefaultValue;
                if (arguments[i] is null && parameters[i].HasDefaultValue) arguments[i] = parameters[i].DefaultValue;
            }
            if (!satisfied) continue;
            try
            {
                return constructor.Invoke(arguments);
            }
            catch (TargetInvocationException ex) when (ex.InnerException is not null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex.InnerException).Throw();
                throw;
            }
        }
        throw new InvalidOperationException(MissingParameters(type, component.Registration.OptionsType, available));
    }

    /// <summary>Names, for each public constructor, the parameter types that nothing supplies, and what can be supplied.</summary>
    private string MissingParameters(Type type, Type optionsType, object[] available)
    {
        var constructors = type.GetConstructors();
        if (constructors.Length == 0) return $"{type.FullName} has no public constructor: add one (it may take its options {optionsType.Name})";
        var missing = constructors.Select(c => c.GetParameters()
                .Where(p => !p.HasDefaultValue && !available.Any(p.ParameterType.IsInstanceOfType) && services.GetService(p.ParameterType) is null &&
                            Logger(p.ParameterType, available) is null)
                .Select(p => TypeName(p.ParameterType)))
            .Select(names => string.Join(", ", names));
        string supplied = string.Join(", ", [$"its options ({optionsType.Name})", .. available.Skip(1).Select(c => c.GetType().Name)]);
        return $"{type.FullName} cannot be constructed: no service supplies {string.Join("; or ", missing.Distinct())}. LED.NET supplies {supplied}, " +
               "ILogger<T> and the services that plugins register in ILedPlugin.Register (builder.Services): register the missing one there, or remove the parameter";
    }

    private static string TypeName(Type type) => type.IsGenericType
        ? $"{type.Name[..type.Name.IndexOf('`')]}<{string.Join(", ", type.GetGenericArguments().Select(TypeName))}>"
        : type.Name;
    /// <summary>An <c>ILogger&lt;T&gt;</c> from the context's or the container's logger factory (a null one without either); null for other types.</summary>
    private object? Logger(Type type, object[] available)
    {
        if (!type.IsGenericType || type.GetGenericTypeDefinition() != typeof(ILogger<>)) return null;
        var factory = available.OfType<ILoggerFactory>().FirstOrDefault() ?? services.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance;
        return Activator.CreateInstance(typeof(Logger<>).MakeGenericType(type.GetGenericArguments()), factory);
    }
}
