package org.crisistimeline.events.incident.details;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An estimate whose low, best and high figures are in order: low ≤ best ≤ high. A figure out of order is reported on
 * the later one (best, or high), so the error points at a field. Missing figures are the business of their own
 * constraints.
 */
@Documented
@Constraint(validatedBy = OrderedEstimate.Validator.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface OrderedEstimate {

    String message() default "must satisfy low <= best <= high";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Validator implements ConstraintValidator<OrderedEstimate, StrikeDetails.Estimate> {

        @Override
        public boolean isValid(StrikeDetails.Estimate estimate, ConstraintValidatorContext context) {
            if (estimate == null) {
                return true;
            }
            Integer low = estimate.low();
            Integer best = estimate.best();
            Integer high = estimate.high();
            if (low != null && best != null && best < low) {
                return refuse(context, "best", "must be at least low (" + low + ")");
            }
            if (best != null && high != null && high < best) {
                return refuse(context, "high", "must be at least best (" + best + ")");
            }
            if (low != null && high != null && high < low) {
                return refuse(context, "high", "must be at least low (" + low + ")");
            }
            return true;
        }

        private static boolean refuse(ConstraintValidatorContext context, String field, String message) {
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(message)
                    .addPropertyNode(field)
                    .addConstraintViolation();
            return false;
        }
    }
}
