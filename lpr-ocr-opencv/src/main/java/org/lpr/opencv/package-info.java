/** Image and video input, OpenCV DNN inference, a classical plate finder and multi-frame read grouping. */
package org.lpr.opencv;
