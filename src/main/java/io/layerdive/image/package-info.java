/**
 * Pure values describing an image: its layers, the file entries a layer carries, and the changes a
 * layer makes to the file system below it. Imports the JDK only.
 */
package io.layerdive.image;
