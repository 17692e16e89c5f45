package org.crisistimeline.command.system;

import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.common.ReflectionUtils;
import org.axonframework.common.annotation.AnnotationUtils;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.springframework.stereotype.Component;

/**
 * Axon's {@code AnnotationCommandTargetResolver} with the annotated members of each command class found once: Axon's
 * walks every method and field of the command and their annotations twice per dispatch, 5 % of the command service's
 * CPU under 16 writing clients (docs/benchmarks.md). Same rules and messages: a method before a field, the version a
 * number or its text. Axon's aggregate configuration takes this bean for every aggregate.
 */
@Component
class CommandTargets implements CommandTargetResolver {

    private final ClassValue<Target> targets = new ClassValue<>() {
        @Override
        protected Target computeValue(Class<?> command) {
            return new Target(
                    Member.annotated(command, TargetAggregateIdentifier.class),
                    Member.annotated(command, TargetAggregateVersion.class));
        }
    };

    @Override
    public VersionedAggregateIdentifier resolveTarget(CommandMessage<?> command) {
        Object payload = command.getPayload();
        Target target = targets.get(payload.getClass());
        Object identifier = target.identifier().valueIn(payload);
        if (identifier == null) {
            throw new IllegalArgumentException(String.format(
                    "Invalid command. It does not identify the target aggregate. Make sure at least one of the fields"
                            + " or methods in the [%s] class contains the @TargetAggregateIdentifier annotation and"
                            + " that it returns a non-null value.",
                    command.getPayloadType().getSimpleName()));
        }
        return new VersionedAggregateIdentifier(
                identifier, versionOf(target.version().valueIn(payload)));
    }

    private static Long versionOf(Object version) {
        if (version == null) {
            return null;
        }
        if (version instanceof Number number) {
            return number.longValue();
        }
        try {
            return Long.parseLong(version.toString());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("The value provided for the version is not a number.", e);
        }
    }

    private record Target(Member identifier, Member version) {}

    /** The method or field of a command class that carries an annotation, or none. */
    private record Member(Method method, Field field) {

        static Member annotated(Class<?> command, Class<? extends Annotation> annotation) {
            for (Method method : ReflectionUtils.methodsOf(command)) {
                if (AnnotationUtils.isAnnotationPresent(method, annotation)) {
                    return new Member(ReflectionUtils.ensureAccessible(method), null);
                }
            }
            for (Field field : ReflectionUtils.fieldsOf(command)) {
                if (AnnotationUtils.isAnnotationPresent(field, annotation)) {
                    return new Member(null, ReflectionUtils.ensureAccessible(field));
                }
            }
            return new Member(null, null);
        }

        Object valueIn(Object command) {
            try {
                if (method != null) {
                    return method.invoke(command);
                }
                return field == null ? null : field.get(command);
            } catch (InvocationTargetException | IllegalAccessException e) {
                throw new IllegalArgumentException(
                        "An exception occurred while extracting aggregate information form a command", e);
            }
        }
    }
}
