/**
 * The error vocabulary: {@link se.kurir.problem.ProblemCode}, which every concern's code enum implements, and the
 * codes every concern shares. No framework here, so domain packages declare their codes too.
 */
package se.kurir.problem;
