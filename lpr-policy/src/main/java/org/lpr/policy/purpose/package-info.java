/** Purposes, references and the screening of free text for protected characteristics and prohibited uses. */
@NullMarked
package org.lpr.policy.purpose;

import org.jspecify.annotations.NullMarked;
